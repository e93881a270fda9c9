namespace Portal.Domain.Common;

/// <summary>An entity with an identity and an optimistic-concurrency version the data layer bumps on every save.</summary>
public abstract class Entity
{
    public int Id { get; protected set; }

    /// <summary>Concurrency token: a save that read an older version fails instead of overwriting.</summary>
    public int Version { get; set; }
}
