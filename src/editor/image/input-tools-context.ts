import { createContext, useContext } from 'react';
import type { ImageTarget } from './image-target.ts';

/** What the Input node, the canvas and paste use to bring a picture in or draw one. */
export interface InputTools {
  /** Decode a file and ask how to use it; a bad file becomes a notice, the graph unchanged. */
  loadImage(file: File, target: ImageTarget): void;
  /** Open the drawing pad on an Input node. */
  openPad(id: string): void;
}

export const InputToolsContext = createContext<InputTools | null>(null);

/** The input tools, or null outside an `InputToolsProvider` (a node rendered alone in a test). */
export function useInputTools(): InputTools | null {
  return useContext(InputToolsContext);
}
