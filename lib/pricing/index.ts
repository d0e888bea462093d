export { type BillableUsage, estimateCost, formatUsd } from "./estimate";
export { type ModelPrice, PRICES, priceFor } from "./prices";
