/** Limits the stories share with the explorer, apart so that the Node build (which checks the stories) need not load the explorer's queries. */

/** Each comparison chart shows at most this many figures of its indicator. */
export const COMPARE_LIMIT = 20;
