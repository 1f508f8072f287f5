namespace Similarity.Inference.Tokenization.Unicode;

/// <summary>The four Unicode normalization forms.</summary>
internal enum UnicodeNormalizationForm
{
    Nfd,
    Nfkd,
    Nfc,
    Nfkc,
}
