# Build and run the portal. The build needs the NuGet feed.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Portal.sln ./
COPY Portal/Portal.csproj Portal/
COPY Portal.Domain/Portal.Domain.csproj Portal.Domain/
RUN dotnet restore Portal/Portal.csproj
COPY Portal/ Portal/
COPY Portal.Domain/ Portal.Domain/
RUN dotnet publish Portal/Portal.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The aspnet image listens on 8080 already; say so with HTTP_PORTS (setting ASPNETCORE_URLS as well logs a warning).
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Portal.dll"]
