/**
 * Text written in parts (a file read from the database a page at a time) as a byte stream for a Response:
 * the next part is asked for only when the reader is ready for it, and a download cancelled half-way stops the
 * reading. Memory stays that of one part, whatever the size of the file.
 */
export function textStream(parts: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await parts.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}
