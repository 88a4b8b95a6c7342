{{/* Names */}}
{{- define "swelancer.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "swelancer.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "swelancer.coordinator" -}}{{ include "swelancer.fullname" . }}-coordinator{{- end -}}
{{- define "swelancer.grader" -}}{{ include "swelancer.fullname" . }}-grader{{- end -}}
{{- define "swelancer.postgresql" -}}{{ include "swelancer.fullname" . }}-postgresql{{- end -}}
{{- define "swelancer.api" -}}{{ include "swelancer.fullname" . }}-api{{- end -}}

{{- define "swelancer.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "swelancer.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* selectorLabels: pass (list $ "component") */}}
{{- define "swelancer.selectorLabels" -}}
app.kubernetes.io/name: {{ include "swelancer.name" (index . 0) }}
app.kubernetes.io/instance: {{ (index . 0).Release.Name }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end -}}

{{- define "swelancer.image" -}}
{{- printf "%s:%s" .repository (default .appVersion .tag) -}}
{{- end -}}

{{/* A pod's DNS name under its headless Service: (list $ "statefulset-name" ordinal) */}}
{{- define "swelancer.podHost" -}}
{{- $ := index . 0 -}}
{{- printf "%s-%d.%s.%s.svc.%s" (index . 1) (index . 2) (index . 1) $.Release.Namespace $.Values.clusterDomain -}}
{{- end -}}

{{- define "swelancer.graderPort" -}}
{{- $ := index . 0 -}}{{- $base := index . 1 -}}{{- $ordinal := index . 2 -}}
{{- if and (eq $.Values.grader.docker.mode "socket") $.Values.grader.docker.portsPerOrdinal -}}{{ add $base $ordinal }}{{- else -}}{{ $base }}{{- end -}}
{{- end -}}

{{/* The ordered seed list, identical on every node: the coordinator, then the first graderSeeds graders. */}}
{{- define "swelancer.seedNodes" -}}
{{- $seeds := list (printf "akka.tcp://swelancer@%s:%d" (include "swelancer.podHost" (list . (include "swelancer.coordinator" .) 0)) (int .Values.cluster.remotingPort)) -}}
{{- range $i := until (int .Values.cluster.graderSeeds) -}}
{{- $seeds = append $seeds (printf "akka.tcp://swelancer@%s:%s" (include "swelancer.podHost" (list $ (include "swelancer.grader" $) $i)) (include "swelancer.graderPort" (list $ (int $.Values.cluster.remotingPort) $i))) -}}
{{- end -}}
{{- join "," $seeds -}}
{{- end -}}

{{- define "swelancer.apiTokenSecret" -}}
{{- default (printf "%s-api-token" (include "swelancer.fullname" .)) .Values.apiToken.existingSecret -}}
{{- end -}}

{{- define "swelancer.dbSecret" -}}
{{- if eq .Values.postgresql.mode "external" -}}{{ .Values.postgresql.external.existingSecret }}{{- else -}}{{ include "swelancer.postgresql" . }}-connection{{- end -}}
{{- end -}}
{{- define "swelancer.dbSecretKey" -}}
{{- if eq .Values.postgresql.mode "external" -}}{{ .Values.postgresql.external.key }}{{- else -}}connectionString{{- end -}}
{{- end -}}

{{/* A random secret value kept across upgrades: (list $ secret-name key length) */}}
{{- define "swelancer.keptRandom" -}}
{{- $ := index . 0 -}}
{{- $existing := lookup "v1" "Secret" $.Release.Namespace (index . 1) -}}
{{- if and $existing $existing.data (hasKey $existing.data (index . 2)) -}}
{{- index $existing.data (index . 2) | b64dec -}}
{{- else -}}
{{- randAlphaNum (int (index . 3)) -}}
{{- end -}}
{{- end -}}

{{/* Environment shared by both roles: (list $ "statefulset-name") */}}
{{- define "swelancer.commonEnv" -}}
{{- $ := index . 0 -}}
- name: POD_NAME
  valueFrom: {fieldRef: {fieldPath: metadata.name}}
- name: POD_NAMESPACE
  valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
- name: SWELANCER_SEED_NODES
  value: {{ include "swelancer.seedNodes" $ | quote }}
- name: SWELANCER_HOST
  value: "0.0.0.0"
- name: SWELANCER_PUBLIC_HOST
  value: {{ printf "$(POD_NAME).%s.$(POD_NAMESPACE).svc.%s" (index . 1) $.Values.clusterDomain | quote }}
- name: SWELANCER_DOWN_AFTER_SECONDS
  value: {{ $.Values.cluster.downAfterSeconds | quote }}
- name: SWELANCER_LOG
  value: "-"
{{- if $.Values.telemetry.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ $.Values.telemetry.otlpEndpoint | quote }}
- name: OTEL_EXPORTER_OTLP_PROTOCOL
  value: {{ $.Values.telemetry.otlpProtocol | quote }}
{{- end }}
- name: POD_IP
  valueFrom: {fieldRef: {fieldPath: status.podIP}}
# The Prometheus endpoint listens on the pod's address (its default is localhost; the exporter refuses * and 0.0.0.0).
- name: OTEL_EXPORTER_PROMETHEUS_HOST
  value: "$(POD_IP)"
- name: OTEL_RESOURCE_ATTRIBUTES
  value: "k8s.pod.name=$(POD_NAME),k8s.namespace.name=$(POD_NAMESPACE)"
{{- end -}}

{{/* Probes on the health port: (list path port) as httpGet */}}
{{- define "swelancer.probes" -}}
startupProbe:
  httpGet: {path: /livez, port: health}
  periodSeconds: 5
  failureThreshold: 60
readinessProbe:
  httpGet: {path: /readyz, port: health}
  periodSeconds: 10
  timeoutSeconds: 5
  failureThreshold: 3
livenessProbe:
  httpGet: {path: /livez, port: health}
  periodSeconds: 20
  timeoutSeconds: 5
  failureThreshold: 3
{{- end -}}
