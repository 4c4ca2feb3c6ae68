/**
 * The countries of ISO 3166-1 (and entities outside it that an admin adds), and the resolution of
 * the alpha-2 or alpha-3 codes every other module receives.
 */
package org.chancery.country;
