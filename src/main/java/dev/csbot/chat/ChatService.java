package dev.csbot.chat;

/**
 * The front door of the core for every channel: a typed command or a button press in, a {@link Reply}
 * out. Channel adapters establish who the caller is and where the conversation lives; everything else
 * (permission, parsing, name resolution, the answer) happens here once for all channels.
 */
public class ChatService {

    /** Answers a typed command such as "/health acme" or "health acme". */
    public Reply handle(ChatRequest request) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Answers a button press (action ids from {@link ActionIds}). */
    public Reply press(ActionPress press) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The caller's own book of business (accounts whose CSM email is theirs), at-risk first: the App Home. */
    public Reply bookOfBusiness(Caller caller) {
        throw new UnsupportedOperationException("in progress");
    }
}
