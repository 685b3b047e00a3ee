package com.escalationanalyst.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A page the feed sent that cannot be read: nothing of it is stored; the message names the page and the field. */
public class MalformedPageException extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The page's JSON, or this exception naming the page; an empty body counts as malformed. */
    public static JsonNode read(String body, String page) {
        try {
            JsonNode root = JSON.readTree(body == null ? "" : body);
            if (root == null || root.isMissingNode()) {
                throw new MalformedPageException(page + ": empty answer");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedPageException(page + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    public MalformedPageException(String message) {
        super(message);
    }

    public MalformedPageException(String message, Throwable cause) {
        super(message, cause);
    }
}
