package org.chancery.relation;

/** The two tracks of a relation: diplomatic (VCDR) and consular (VCCR). */
public enum Track { DIPLOMATIC, CONSULAR }
