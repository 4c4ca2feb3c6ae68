package org.chancery.shared.web;

/** As many CSV exports of more than a page as the server reads at once ({@link CsvLists#CONCURRENT_EXPORTS}): 503. */
class ExportsBusy extends RuntimeException {

    ExportsBusy() {
        super("The server is writing as many CSV exports as it writes at once (" + CsvLists.CONCURRENT_EXPORTS
                + "); send the request again in a few seconds.");
    }
}
