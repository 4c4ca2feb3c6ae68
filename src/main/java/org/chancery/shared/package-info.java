/**
 * Small value types, rule ids and error answers shared by every feature module.
 */
package org.chancery.shared;
