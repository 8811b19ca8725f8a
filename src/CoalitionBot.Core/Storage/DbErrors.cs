using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CoalitionBot.Storage;

/// <summary>
/// Which database errors mean "that row is there already". Only a unique-key violation does: a
/// locked database, a full disk or a read-only file must surface (and be retried or reported),
/// never be taken for a duplicate and silently drop a question, a broadcast or a welcome.
/// </summary>
public static class DbErrors
{
    /// <summary>SQLite's SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.</summary>
    private static readonly int[] SqliteDuplicates = [2067, 1555];

    /// <summary>PostgreSQL's unique_violation.</summary>
    private const string PostgresDuplicate = "23505";

    public static bool IsDuplicate(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => SqliteDuplicates.Contains(sqlite.SqliteExtendedErrorCode),
        DbException other => other.SqlState == PostgresDuplicate,
        _ => false,
    };
}
