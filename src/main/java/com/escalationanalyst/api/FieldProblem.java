package com.escalationanalyst.api;

/** An exception that names the request field it is about (also for those raised inside the engine). */
public interface FieldProblem {

    String field();
}
