/** "YYYY-MM-DD HH:MM:SS" in the NMS's zone, without the zone, as the Smart API writes it. */
export function nmsTimeWriter(timeZone: string): (at: number) => string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const cache = new Map<number, string>();
  return (at) => {
    let text = cache.get(at);
    if (text === undefined) {
      text = format.format(new Date(at));
      if (cache.size > 1_000) cache.clear();
      cache.set(at, text);
    }
    return text;
  };
}
