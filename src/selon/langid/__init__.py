"""Language identification over whole articles."""

from selon.langid.detect import LanguageDetector

__all__ = ["LanguageDetector"]
