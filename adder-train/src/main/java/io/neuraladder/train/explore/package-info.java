/**
 * The explorer: a local web page ({@link io.neuraladder.train.explore.ExploreCommand}, served by
 * {@link io.neuraladder.train.explore.ExplorerServer}) that adds two numbers with a model and shows
 * how the cell does it, step by step, inside its certificate's regions; its JSON API and a PNG of
 * the same figures. See docs/explorer.md.
 */
package io.neuraladder.train.explore;
