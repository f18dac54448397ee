import sharp from 'sharp';
import { AppError } from '../errors';
import { readBoundedBytes } from '../http/request-guard';

/** The most a photo may weigh as uploaded; the body is cut off as soon as it passes this. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** The longest side a stored photo keeps: enough to see a scratch, not a camera's full 50 MP. */
export const MAX_PHOTO_SIDE = 2048;
/** More pixels than this are refused before decoding (a small file can unpack to gigabytes). */
const MAX_INPUT_PIXELS = 60_000_000;

export type PhotoType = 'jpeg' | 'png' | 'webp';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

/**
 * The image type the bytes themselves show, whatever name or Content-Type came with them; null
 * for anything else. (HEIC is not taken: this sharp build decodes AVIF only, not HEVC.)
 */
export function imageTypeOf(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'webp';
  return null;
}

/** The body of an upload, refused with PHOTO_TOO_LARGE once it passes `maxBytes` (a stated Content-Length first). */
export async function readPhotoBody(
  body: ReadableStream<Uint8Array> | null,
  declaredLength: string | null,
  maxBytes = MAX_PHOTO_BYTES,
): Promise<Buffer> {
  const declared = declaredLength === null ? 0 : Number(declaredLength);
  if (!Number.isFinite(declared) || declared > maxBytes) {
    await body?.cancel();
    throw new AppError('PHOTO_TOO_LARGE');
  }
  if (!body) throw new AppError('PHOTO_TYPE_NOT_ALLOWED');
  const bytes = await readBoundedBytes(body, maxBytes);
  if (!bytes) throw new AppError('PHOTO_TOO_LARGE');
  return bytes;
}

export interface StoredPhoto {
  body: Buffer;
  contentType: 'image/jpeg';
  width: number;
  height: number;
}

/**
 * A photo as it is kept: decoded, turned upright by its EXIF orientation, scaled to at most
 * MAX_PHOTO_SIDE and written anew as JPEG. sharp writes no metadata unless asked, so EXIF (GPS,
 * camera, time), XMP and ICC of the upload are gone. Anything that is not a whole image of an
 * allowed type is refused with PHOTO_TYPE_NOT_ALLOWED.
 */
export async function reencodePhoto(upload: Buffer): Promise<StoredPhoto> {
  if (imageTypeOf(upload) === null) throw new AppError('PHOTO_TYPE_NOT_ALLOWED');
  try {
    const { data, info } = await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { body: data, contentType: 'image/jpeg', width: info.width, height: info.height };
  } catch (error) {
    throw new AppError('PHOTO_TYPE_NOT_ALLOWED', { cause: error });
  }
}
