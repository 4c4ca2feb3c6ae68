/**
 * Non-resident accreditations (VCDR art. 5, VCCR art. 7): a head accredited by a sending country to
 * a receiving country without a mission there, residing in a third country (R23, and R11's effect).
 */
package org.chancery.accreditation;
