import { createContext, useContext, useState, type ReactNode } from 'react';
import type { CourseVersionTree } from '@tadamon/shared';
import { useChangeCourse, type CourseChange } from '../api/change-course';

interface Editor {
  tree: CourseVersionTree;
  /** Sends a change; resolves true when it landed (errors are shown by the editor's banner). */
  change: (change: CourseChange) => Promise<boolean>;
  pending: boolean;
  error: unknown;
  clearError: () => void;
  readOnly: boolean;
  languages: string[];
}

const EditorContext = createContext<Editor | null>(null);

/** One course tree on screen and the one way to change it (If-Match with its revision). */
export function CourseEditorProvider({ tree, versionId, children }: { tree: CourseVersionTree; versionId: string | null; children: ReactNode }) {
  const mutation = useChangeCourse(tree.course.id, versionId, tree.course.revision);
  const [error, setError] = useState<unknown>(null);
  const change = async (next: CourseChange) => {
    setError(null);
    try {
      await mutation.mutateAsync(next);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };
  const value: Editor = {
    tree,
    change,
    pending: mutation.isPending,
    error,
    clearError: () => setError(null),
    readOnly: !tree.version.editable,
    languages: tree.version.languages,
  };
  return <EditorContext.Provider value={value}>{children}</EditorContext.Provider>;
}

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside CourseEditorProvider');
  return editor;
}
