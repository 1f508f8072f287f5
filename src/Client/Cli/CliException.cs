namespace Similarity.Cli;

/// <summary>A problem with the user's input that ends the command: printed as one line on stderr, exit code 2.</summary>
internal sealed class CliException(string message, Exception? inner = null) : Exception(message, inner);
