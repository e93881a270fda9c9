namespace Portal.Domain.Common;

/// <summary>A request the business rules refuse; the message is written for the user who made it.</summary>
public sealed class DomainException(string message) : Exception(message);
