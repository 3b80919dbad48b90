/**
 * Buyer reviews and seller ratings: a buyer reviews each line of a completed order once, within a
 * window, and may edit the review once ({@link dev.mercato.core.review.Review} as types); a
 * seller's {@link dev.mercato.core.review.Rating} is a weighted average over a rolling window
 * ({@link dev.mercato.core.review.RatingPolicy}); below a threshold the seller is demoted, a flag
 * ({@link dev.mercato.core.review.SellerStanding}, {@link dev.mercato.core.review.DemotionFlags})
 * the host's search, pricing and ad-auction rules read. Reviews may earn points ({@link
 * dev.mercato.core.review.ReviewPoints}), never depending on the stars given.
 */
package dev.mercato.core.review;
