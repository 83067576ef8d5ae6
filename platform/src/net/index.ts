export { isPublicAddress, refusedAddressReason } from './address-policy';
export { isOutboundError, OutboundError, type OutboundFailure } from './outbound-error';
export {
  isAllowed,
  type Lookup,
  type OutboundPolicy,
  type ResolvedAddress,
  resolveOutbound,
  STRICT_OUTBOUND,
} from './outbound-policy';
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  type OutboundRequest,
  type OutboundResponse,
  outboundRequest,
} from './outbound-request';
export { type OutboundSocketOptions, outboundSocket } from './outbound-socket';
