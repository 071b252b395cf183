// Test inputs carrying what cleaning must remove: EXIF (camera, orientation) and a GPS position.
import sharp from 'sharp';

export const CAMERA_MAKE = 'NekoCam';

/** `image` re-encoded as JPEG with EXIF (make, model, `orientation`) and a GPS IFD (Tokyo). */
export async function withExifAndGps(image: Buffer, orientation = 1): Promise<Buffer> {
  return sharp(image)
    .jpeg({ quality: 92 })
    .withMetadata({ orientation })
    .withExif({
      IFD0: { Make: CAMERA_MAKE, Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '35/1 39/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '139/1 44/1 0/1',
      },
    })
    .toBuffer();
}

/** Whether an EXIF block holds a GPSInfo IFD pointer (tag 0x8825, either byte order). */
export function hasGpsPointer(exif: Buffer | undefined): boolean {
  if (exif === undefined) return false;
  for (let i = 0; i + 1 < exif.length; i++) {
    if ((exif[i] === 0x88 && exif[i + 1] === 0x25) || (exif[i] === 0x25 && exif[i + 1] === 0x88)) return true;
  }
  return false;
}
