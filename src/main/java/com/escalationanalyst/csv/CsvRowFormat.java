package com.escalationanalyst.csv;

import com.escalationanalyst.csv.CsvFields;
import java.util.List;

/** The columns of one kind of CSV file and how a record becomes a row. */
public interface CsvRowFormat<R> {

    /** Every column the header must name, in canonical order. */
    List<String> columns();

    /**
     * The row for these fields, or null when any field was invalid (the errors are recorded
     * through {@link CsvFields}).
     */
    R parse(CsvFields fields);
}
