import type { ApiMethod, ApiOutput, ApiParsedInput } from './api';

/** One handler per registered method, each given its validated input: what a domain contributes to the API. */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>> };
