package dev.csbot.health;

public enum Band {
    RED("red"),
    YELLOW("yellow"),
    GREEN("green");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
