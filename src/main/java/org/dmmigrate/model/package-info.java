/**
 * Immutable domain values shared by every layer: users, media, assets, pages.
 *
 * <p>Glossary (see {@code docs/glossary.md}): a <em>media</em> is one video record of the
 * service; an <em>asset</em> is one stored form of a media (its source or a rendition or a
 * thumbnail); a <em>backup</em> is the folder tree written by one or more runs.
 */
@NullMarked
package org.dmmigrate.model;

import org.jspecify.annotations.NullMarked;
