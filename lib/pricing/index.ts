export { type BillableUsage, estimateCost, formatRate, formatUsd } from "./estimate";
export { type ModelPrice, PRICES, priceFor } from "./prices";
