import { fireEvent, render, screen, within } from '@testing-library/svelte';
import App from '../../../renderer/src/main-window/App.svelte';
import { createFakeApi, type FakeBackend, type FakeHandlers } from '../support/fake-api';

// jsdom's Blob has no arrayBuffer() (every browser the app runs in does): read it the older way, with FileReader.
if (typeof Blob.prototype.arrayBuffer !== 'function') {
  Object.defineProperty(Blob.prototype, 'arrayBuffer', {
    value(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => {
          resolve(reader.result as ArrayBuffer);
        };
        reader.onerror = () => {
          reject(reader.error ?? new Error('FileReader failed.'));
        };
        reader.readAsArrayBuffer(this);
      });
    },
  });
}

/** The main window on its Identify section (through the sidebar, as a person gets there). */
export async function renderIdentify(
  overrides: Partial<FakeHandlers> = {},
): Promise<FakeBackend & { unmount: () => void }> {
  const backend = createFakeApi(overrides);
  const { unmount } = render(App, { api: backend.api });
  await openSection('Identify');
  return { ...backend, unmount };
}

export async function openSection(name: string): Promise<void> {
  const nav = screen.getByRole('navigation', { name: 'Sections' });
  await fireEvent.click(within(nav).getByRole('button', { name }));
}

export async function openTab(name: 'Identify' | 'History' | 'Browse' | 'Account'): Promise<void> {
  const tabs = screen.getByRole('tablist', { name: 'Identify sections' });
  await fireEvent.click(within(tabs).getByRole('tab', { name }));
}

/** The eight bytes every PNG starts with, then filler up to `size`. */
export function pngFile(name = 'frame.png', size = 2048, type = 'image/png'): File {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new File([bytes], name, { type });
}

/**
 * A file whose size is claimed, not allocated: a 30 MB refusal should not need 30 MB of test memory
 * (the view refuses on `size` before reading a byte).
 */
export function hugeFile(name: string, size: number, type = 'image/png'): File {
  const file = pngFile(name, 16, type);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

/** A drop or paste payload as the browser hands it over (jsdom has no DataTransfer). */
export function transfer(
  files: File[],
  text = '',
): Pick<DataTransfer, 'files' | 'items' | 'types' | 'getData'> {
  return {
    files: files as unknown as FileList,
    items: [] as unknown as DataTransferItemList,
    types: files.length > 0 ? ['Files'] : ['text/plain'],
    getData: (format: string) => (format === 'text/plain' ? text : ''),
  };
}

export async function dropFile(file: File): Promise<void> {
  const zone = screen.getByRole('group', { name: 'Drop zone' });
  const dataTransfer = transfer([file]);
  await fireEvent.dragEnter(zone, { dataTransfer });
  await fireEvent.dragOver(zone, { dataTransfer });
  await fireEvent.drop(zone, { dataTransfer });
}

/** The channels called so far, in order, among those starting with `prefix`. */
export function channels(backend: FakeBackend, prefix = 'identify:'): string[] {
  return backend.received.map((call) => call.channel).filter((channel) => channel.startsWith(prefix));
}
