/**
 * The NOC's uplink as the checks marked "uplink" see it (synthetic DNS/HTTP/TCP checks): down when
 * every one of them fails. `since` is an ISO 8601 time; `failing` names the failing checks.
 */
export interface UplinkState {
  down: boolean;
  since: string;
  failing: string[];
}

export interface UplinkSignal {
  current(): UplinkState;
  /** Returns the unsubscribe. */
  onChange(listener: (s: UplinkState) => void): () => void;
}
