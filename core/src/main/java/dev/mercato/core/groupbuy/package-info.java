/**
 * Group buying (拼团): a campaign offers some SKUs at a group price to groups of a fixed size;
 * a buyer opens a group at checkout or joins one, each member's payment is held, and the group
 * either fills before its deadline (every member's order proceeds at the group price) or fails
 * (every member is refunded, the orders close and the stock returns). The group's lifecycle is
 * {@link dev.mercato.core.groupbuy.GroupBuy}, one record per state; the facade runs it
 * (docs/group-buying.md).
 */
package dev.mercato.core.groupbuy;
