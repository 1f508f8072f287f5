namespace Similarity.Silo.Membership.Postgres;

/// <summary>The membership schema's migrations. Append new versions; never edit an applied one.</summary>
public static class MembershipSchema
{
    public const string MigrationsTable = "similarity_schema_migrations";

    public const string SilosTable = "similarity_silos";

    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "silo membership", $"""
            CREATE TABLE {SilosTable} (
                cluster_id    text        NOT NULL,
                silo_id       text        NOT NULL,
                host_name     text        NOT NULL,
                process_id    integer     NOT NULL,
                device_class  text        NOT NULL,
                roles         text[]      NOT NULL,
                models        text[]      NOT NULL,
                http_endpoint text,
                started_at    timestamptz NOT NULL,
                heartbeat_at  timestamptz NOT NULL,
                status        text        NOT NULL,
                in_flight     integer     NOT NULL DEFAULT 0,
                capacity      integer     NOT NULL DEFAULT 0,
                completed     bigint      NOT NULL DEFAULT 0,
                PRIMARY KEY (cluster_id, silo_id)
            );
            CREATE INDEX {SilosTable}_heartbeat ON {SilosTable} (cluster_id, heartbeat_at);
            """),
    ];
}
