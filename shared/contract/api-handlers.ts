import type { ApiMethod, ApiOutput, ApiParsedInput } from './api';
import type { Caller } from './caller';

/**
 * One handler per registered method, each given its validated input and the caller the engine
 * established (never read from the input): what a domain contributes to the API.
 */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>, caller: Caller) => Promise<ApiOutput<M>>;
};
