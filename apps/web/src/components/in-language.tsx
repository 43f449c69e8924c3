import type { ComponentPropsWithoutRef, ElementType, ReactNode } from 'react';

/**
 * Languages written right to left, by their primary subtag: beyond the interface's Arabic,
 * content may come in Persian, Urdu, Hebrew, Kurdish (Sorani), Pashto, Sindhi, Uyghur, Yiddish,
 * Dhivehi or Syriac.
 */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export type TextDirection = 'ltr' | 'rtl' | 'auto';

/** The direction a language is written in (by its primary subtag: "ar-MA" is right to left). */
export function directionOfContent(language: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/**
 * The `lang` and `dir` attributes for content written in `language`, which may differ from the
 * page's: a French material on an Arabic page reads left to right and a screen reader speaks it
 * with a French voice. With no known language (a post, a name), only `dir="auto"`: the browser
 * takes the direction from the text itself and the page's language stays.
 *
 *     <Text {...inLanguage(material.language)}>{material.title}</Text>
 */
export function inLanguage(language: string | null | undefined): { lang?: string; dir: TextDirection } {
  if (!language) return { dir: 'auto' };
  return { lang: language, dir: directionOfContent(language) };
}

type InLanguageProps<C extends ElementType> = {
  /** The content's language (BCP 47), or nothing when unknown. */
  language: string | null | undefined;
  /** The element to render (default `span`; `div` for blocks). */
  as?: C;
  children?: ReactNode;
} & Omit<ComponentPropsWithoutRef<C>, 'lang' | 'dir' | 'children'>;

/** Wraps content in its own language: `<InLanguage language="fr">Lettre commune</InLanguage>`. */
export function InLanguage<C extends ElementType = 'span'>({ language, as, children, ...rest }: InLanguageProps<C>) {
  const Element: ElementType = as ?? 'span';
  return (
    <Element {...rest} {...inLanguage(language)}>
      {children}
    </Element>
  );
}
