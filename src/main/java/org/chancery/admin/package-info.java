/**
 * The admin UI's place in the jar: {@code /admin} serves the static ES modules of
 * {@code static/admin/}, which read and write only through the public API.
 */
package org.chancery.admin;
