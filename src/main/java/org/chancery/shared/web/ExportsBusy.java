package org.chancery.shared.web;

/** As many CSV exports as the server writes at once are being written ({@link CsvLists#CONCURRENT_EXPORTS}): 503. */
class ExportsBusy extends RuntimeException {

    ExportsBusy() {
        super("The server is writing as many CSV exports as it writes at once (" + CsvLists.CONCURRENT_EXPORTS
                + "); send the request again in a few seconds.");
    }
}
