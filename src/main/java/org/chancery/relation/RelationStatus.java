package org.chancery.relation;

/** The state of one track of a relation. */
public enum RelationStatus { NONE, ESTABLISHED, SEVERED }
