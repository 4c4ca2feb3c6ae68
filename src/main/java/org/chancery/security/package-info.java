/**
 * Who may write: HTTP Basic users from configuration with roles EDITOR and ADMIN, public reads,
 * CORS, and problem-details answers for 401 and 403.
 */
package org.chancery.security;
