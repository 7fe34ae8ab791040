import type { TagColor } from '../api/vocabulary';

export interface Tag {
  id: string;
  name: string;
  color: TagColor;
  createdAt: string;
}
