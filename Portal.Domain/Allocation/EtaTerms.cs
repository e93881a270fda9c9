namespace Portal.Domain.Allocation;

// The per-pool facts an ETA explanation needs; shared by every LineEta of one projection.
internal sealed record EtaTerms(DateOnly Today, EtaSettings Settings, int? LeadTimeDays);
