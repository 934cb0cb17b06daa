/**
 * A headline figure too long for half a phone's width (an amount in the hundred thousands, a rating with its count)
 * takes the whole line there, and two columns of four on a tablet, rather than being broken in two.
 */
export const figureSpan = (value: string): string => (value.length > 8 ? 'max-sm:col-span-full sm:max-lg:col-span-2' : '');
