export interface Note {
  text: string;
  createdAt: string;
  updatedAt: string;
}
