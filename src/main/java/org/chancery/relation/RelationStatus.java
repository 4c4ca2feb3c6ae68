package org.chancery.relation;

import io.swagger.v3.oas.annotations.media.Schema;

/** The state of one track of a relation. */
@Schema(enumAsRef = true)
public enum RelationStatus { NONE, ESTABLISHED, SEVERED }
