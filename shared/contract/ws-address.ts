// Apart from the message schemas in ws.ts, so that the page can build the address without zod.

/** The WebSocket path of the API, and the query parameter that carries the access token. */
export const WS_PATH = '/api';
export const WS_TOKEN_PARAM = 'token';
