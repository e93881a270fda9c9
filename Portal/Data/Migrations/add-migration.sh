#!/usr/bin/env bash
# Adds a migration named $1 for every provider: each has its own context type, folder and model snapshot.
# Usage (from anywhere): Portal/Data/Migrations/add-migration.sh AddCustomerPhone
set -euo pipefail
name=${1:?usage: add-migration.sh MigrationName}
cd "$(dirname "$0")/../../.."
dotnet tool restore >/dev/null
dotnet build Portal -v q -nologo >/dev/null
for provider in Sqlite Postgres SqlServer; do
    echo "== $provider"
    dotnet ef migrations add "$name" --no-build --project Portal --startup-project Portal \
        --context "${provider}PortalDbContext" --output-dir "Data/Migrations/$provider" --namespace "Portal.Data.Migrations.$provider"
done
