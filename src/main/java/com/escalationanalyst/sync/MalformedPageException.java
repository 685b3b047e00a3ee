package com.escalationanalyst.sync;

/** A page the feed sent that cannot be read: nothing of it is stored; the message names the page and the field. */
public class MalformedPageException extends RuntimeException {

    public MalformedPageException(String message) {
        super(message);
    }

    public MalformedPageException(String message, Throwable cause) {
        super(message, cause);
    }
}
