import { cleanText, httpUrlOrNull } from '../shared/sanitize';
import { invalidInput } from '../shared/validate';
import { MAX_SEARCH_IMAGE_BYTES, sniffImageType, type SearchImageType } from './image-check';

/** Exactly one of an uploaded JPEG/PNG or a public image URL. */
export interface WhatAnimeSearchInput {
  image?: { bytes: Uint8Array; fileName: string; contentType: SearchImageType };
  url?: string;
}

const MAX_URL_LENGTH = 2048;
const TYPE_NAMES: Record<SearchImageType, string> = { 'image/jpeg': 'a JPEG', 'image/png': 'a PNG' };

/** The multipart/form-data body of a search, checked before anything is sent. */
export function searchForm(input: WhatAnimeSearchInput): FormData {
  const form = new FormData();
  if (input.image === undefined && input.url === undefined) {
    throw invalidInput('Search with either an image file or an image URL.');
  }
  if (input.image !== undefined && input.url !== undefined) {
    throw invalidInput('Search with an image file or an image URL, not both.');
  }
  if (input.url !== undefined) {
    const url = httpUrlOrNull(input.url);
    if (url === null || input.url.length > MAX_URL_LENGTH) {
      throw invalidInput(`The image URL must be an http(s) URL of at most ${MAX_URL_LENGTH} characters.`);
    }
    form.append('url', url);
    return form;
  }
  const image = input.image;
  if (image === undefined) throw invalidInput('Search with an image file or an image URL.');
  if (image.bytes.byteLength === 0) throw invalidInput('The image file is empty.');
  if (image.bytes.byteLength > MAX_SEARCH_IMAGE_BYTES) {
    throw invalidInput(`The image is larger than ${MAX_SEARCH_IMAGE_BYTES / (1024 * 1024)} MB.`);
  }
  const sniffed = sniffImageType(image.bytes);
  if (sniffed === null) throw invalidInput('Only JPEG and PNG images can be searched.');
  if (sniffed !== image.contentType) {
    throw invalidInput(`The file is ${TYPE_NAMES[sniffed]} image, not ${TYPE_NAMES[image.contentType]} one.`);
  }
  const fileName = safeFileName(image.fileName, sniffed);
  form.append('image', new Blob([new Uint8Array(image.bytes)], { type: sniffed }), fileName);
  return form;
}

/** A plain file name (no folders, no control characters) with the right extension. */
function safeFileName(name: string, type: SearchImageType): string {
  const base = cleanText(name.split(/[\\/]/).pop() ?? '', 100)?.replace(/["\r\n]/g, '') ?? '';
  const extension = type === 'image/png' ? '.png' : '.jpg';
  if (base === '') return `screenshot${extension}`;
  return /\.(png|jpe?g)$/i.test(base) ? base : `${base}${extension}`;
}
