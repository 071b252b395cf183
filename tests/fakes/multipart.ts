// Reads a multipart/form-data (or urlencoded) body with the web Request parser Node ships.

export interface ParsedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export type FormValue = string | ParsedFile;

/** The fields of the body, or undefined when the content type is not a form or the body does not parse. */
export async function parseForm(
  contentType: string | undefined,
  body: Buffer,
): Promise<Map<string, FormValue> | undefined> {
  if (!contentType || !/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType)) {
    return undefined;
  }
  try {
    const request = new Request('http://127.0.0.1/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    // Undici marks formData() deprecated for servers (it buffers); fine for a test fake's small bodies.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const form = await request.formData();
    const fields = new Map<string, FormValue>();
    for (const [name, value] of form.entries()) {
      if (fields.has(name)) continue; // first one wins
      fields.set(
        name,
        typeof value === 'string'
          ? value
          : { fileName: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) },
      );
    }
    return fields;
  } catch {
    return undefined;
  }
}

export function sniffImage(bytes: Buffer): 'jpeg' | 'png' | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
  return undefined;
}
