package com.escalationanalyst.helpdesk.sync;

/** A page the feed sent that cannot be read: nothing of it is stored; the message names the page and the field. */
class MalformedPageException extends RuntimeException {

    MalformedPageException(String message) {
        super(message);
    }

    MalformedPageException(String message, Throwable cause) {
        super(message, cause);
    }
}
