//! The words of the trouble cards ([`super::trouble`]), in Korean and
//! English: what the container and its settings are, the first hint, and
//! why the simulator showed what it did.

use super::card::{Card, Policy};
use super::trouble::{Trouble, Why};
use crate::lang::Lang;
use crate::quiz::predict::PodState;

fn t(lang: Lang, en: &str, ko: &str) -> String {
    lang.pick(ko, en).to_string()
}

/// The container and what is wrong around it, as a sentence.
pub fn scenario(trouble: Trouble, lang: Lang) -> String {
    match trouble {
        Trouble::None => String::new(),
        Trouble::Liveness => t(
            lang,
            "The container runs agnhost liveness, which answers /healthz with 200 for its first \
             10 seconds and with 500 after that. A liveness probe asks GET /healthz on port 8080 \
             every 3 s, starting 3 s after the container starts (failureThreshold: 3 by default).",
            "컨테이너는 agnhost liveness를 실행합니다. 처음 10초 동안은 /healthz에 200으로, 그 뒤로는 500으로 \
             답합니다. 활성 프로브(liveness probe)가 컨테이너 시작 3초 뒤부터 3초마다 8080 포트의 GET \
             /healthz를 물어봅니다(failureThreshold는 기본값 3).",
        ),
        Trouble::Readiness => t(
            lang,
            "The container is nginx:1.27, which listens on port 80. Its readiness probe asks \
             GET / on port 8080 every 5 s.",
            "컨테이너는 80 포트에서 듣는 nginx:1.27입니다. 준비성 프로브(readiness probe)는 5초마다 8080 \
             포트의 GET /를 물어봅니다.",
        ),
        Trouble::SlowStart => t(
            lang,
            "The container is nginx:1.27, but slowed down: it takes 60 s before it listens on \
             port 80 (env STARTUP_DELAY=60). A liveness probe asks GET / on port 80 every 10 s \
             and gives up after 3 failures in a row.",
            "컨테이너는 nginx:1.27이지만 느리게 시작합니다. 80 포트에서 듣기까지 60초가 걸립니다(env \
             STARTUP_DELAY=60). 활성 프로브가 10초마다 80 포트의 GET /를 물어보고, 연달아 3번 실패하면 \
             포기합니다.",
        ),
        Trouble::SlowStartGuarded => t(
            lang,
            "The container is nginx:1.27, but slowed down: it takes 60 s before it listens on \
             port 80 (env STARTUP_DELAY=60). A liveness probe asks GET / on port 80 every 10 s \
             and gives up after 3 failures in a row; a startup probe asks the same every 10 s and \
             allows 30 failures.",
            "컨테이너는 nginx:1.27이지만 느리게 시작합니다. 80 포트에서 듣기까지 60초가 걸립니다(env \
             STARTUP_DELAY=60). 활성 프로브가 10초마다 80 포트의 GET /를 물어보고 연달아 3번 실패하면 \
             포기합니다. 스타트업 프로브(startup probe)도 10초마다 같은 것을 물어보며 30번까지 실패를 \
             허용합니다.",
        ),
        Trouble::OverMemory => t(
            lang,
            "The container runs stress (polinux/stress), which allocates 250M of memory and \
             holds it. Its resources: requests memory 50Mi, limits memory 100Mi.",
            "컨테이너는 250M 메모리를 할당해 붙잡고 있는 stress(polinux/stress)를 실행합니다. 리소스는 \
             requests memory 50Mi, limits memory 100Mi입니다.",
        ),
        Trouble::MissingConfigMapKey => t(
            lang,
            "The container is nginx:1.27. Its env var MODE comes from key mode of the ConfigMap \
             app-config (configMapKeyRef), but no ConfigMap app-config exists.",
            "컨테이너는 nginx:1.27입니다. 환경 변수 MODE는 컨피그맵 app-config의 mode 키에서 \
             가져오는데(configMapKeyRef), app-config라는 컨피그맵은 없습니다.",
        ),
        Trouble::MissingConfigMapVolume => t(
            lang,
            "The container is nginx:1.27. It mounts a volume at /etc/app made from the ConfigMap \
             app-config, but no ConfigMap app-config exists.",
            "컨테이너는 nginx:1.27입니다. 컨피그맵 app-config로 만든 볼륨을 /etc/app에 마운트하는데, \
             app-config라는 컨피그맵은 없습니다.",
        ),
    }
}

/// The first hint of a trouble card: the rule of its category.
pub fn hint(trouble: Trouble, lang: Lang) -> String {
    match trouble {
        Trouble::Liveness | Trouble::SlowStart => t(
            lang,
            "When a liveness probe fails failureThreshold times in a row, the kubelet kills the \
             container, and restartPolicy decides whether it starts again.",
            "활성 프로브가 failureThreshold번 연달아 실패하면 kubelet이 컨테이너를 죽이고, 다시 시작할지는 \
             restartPolicy가 정합니다.",
        ),
        Trouble::Readiness => t(
            lang,
            "A failing readiness probe never restarts a container; it only decides whether the \
             container is ready.",
            "준비성 프로브가 실패해도 컨테이너는 절대 다시 시작되지 않습니다. 컨테이너가 준비되었는지만 \
             정합니다.",
        ),
        Trouble::SlowStartGuarded => t(
            lang,
            "Until a startup probe succeeds, the kubelet runs neither the liveness nor the \
             readiness probe.",
            "스타트업 프로브가 성공하기 전까지 kubelet은 활성 프로브도 준비성 프로브도 실행하지 않습니다.",
        ),
        Trouble::OverMemory => t(
            lang,
            "A container that uses more memory than its limit is killed by the kernel's OOM \
             killer.",
            "메모리 제한보다 많이 쓰는 컨테이너는 커널의 OOM 킬러가 죽입니다.",
        ),
        Trouble::MissingConfigMapKey | Trouble::MissingConfigMapVolume | Trouble::None => t(
            lang,
            "The kubelet creates a container only once it has everything the container needs: \
             its environment and its volumes.",
            "kubelet은 컨테이너에 필요한 것(환경 변수와 볼륨)을 모두 갖춘 뒤에야 컨테이너를 만듭니다.",
        ),
    }
}

/// Why the simulator showed what it did, for the trouble rules.
pub fn explain(card: &Card, why: Why, end: Option<&PodState>, lang: Lang) -> String {
    let restarts = end.map_or(0, |p| p.restarts);
    let status = end.map_or("", |p| p.status.as_str());
    let plural = if restarts == 1 { "" } else { "s" };
    let now_en = format!("Now: STATUS {status}, {restarts} restart{plural}.");
    let now_ko = format!("지금은 STATUS {status}, 재시작 {restarts}번입니다.");
    let (en, ko) = match why {
        Why::ProbesPassing => (
            "agnhost answers /healthz with 200 for its first 10 seconds, and every liveness probe \
             so far got that answer, so the container keeps running. With no readiness probe a \
             running container counts as ready: Running, READY 1/1, no restarts."
                .to_string(),
            "agnhost는 처음 10초 동안 /healthz에 200으로 답하고, 지금까지의 활성 프로브는 모두 그 답을 \
             받았으니 컨테이너는 계속 실행됩니다. 준비성 프로브가 없으면 실행 중인 컨테이너는 준비된 것으로 \
             셉니다. Running, READY 1/1, 재시작 없음."
                .to_string(),
        ),
        Why::LivenessRestarts => (
            format!(
                "After its first 10 seconds agnhost answers /healthz with 500. Each answer is a \
                 liveness probe failure (event Unhealthy: Liveness probe failed: HTTP probe \
                 failed with statuscode: 500); after the third in a row the kubelet kills the \
                 container (event Killing: Container app failed liveness probe, will be \
                 restarted) and restartPolicy Always starts it again in the same Pod, which stays \
                 Running. Every run lasts about 20 s, and between runs the kubelet's back-off \
                 (10 s, 20 s, 40 s … up to 5 min) shows as CrashLoopBackOff, with READY 0/1. \
                 {now_en}"
            ),
            format!(
                "처음 10초가 지나면 agnhost는 /healthz에 500으로 답합니다. 그 답마다 활성 프로브 실패이고(이벤트 \
                 Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500), 연달아 세 번째 \
                 실패에서 kubelet이 컨테이너를 죽입니다(이벤트 Killing: Container app failed liveness probe, \
                 will be restarted). restartPolicy Always가 같은 파드 안에서 컨테이너를 다시 시작하므로 파드는 \
                 Running으로 남습니다. 한 번 실행은 20초쯤이고, 실행 사이의 kubelet 백오프(10초, 20초, 40초 … \
                 최대 5분) 동안은 CrashLoopBackOff와 READY 0/1이 보입니다. {now_ko}"
            ),
        ),
        Why::NeverReady => (
            "Nothing listens on port 8080 (nginx listens on 80), so every readiness probe fails \
             with connection refused. A failing readiness probe never restarts a container: the \
             Pod stays Running with no restarts and STATUS Running, but its container is not \
             ready, so READY shows 0/1 and the Pod is left out of every Service's endpoints."
                .to_string(),
            "8080 포트에서는 아무것도 듣지 않으니(nginx는 80에서 듣습니다) 준비성 프로브는 매번 connection \
             refused로 실패합니다. 준비성 프로브가 실패해도 컨테이너는 다시 시작되지 않습니다. 파드는 재시작 \
             없이 Running, STATUS도 Running이지만 컨테이너가 준비되지 않았으므로 READY는 0/1이고, 파드는 \
             모든 서비스의 엔드포인트에서 빠집니다."
                .to_string(),
        ),
        Why::SlowStartCounting => (
            "The server needs 60 s before it listens, and the liveness probe has not yet failed \
             3 times in a row, so the container keeps running: Running, no restarts. With no \
             readiness probe a running container counts as ready, so READY shows 1/1 although \
             the server cannot answer yet."
                .to_string(),
            "서버는 듣기 시작하기까지 60초가 필요하고, 활성 프로브는 아직 연달아 3번 실패하지 않았으니 \
             컨테이너는 계속 실행됩니다. Running, 재시작 없음. 준비성 프로브가 없으면 실행 중인 컨테이너는 \
             준비된 것으로 세므로, 서버가 아직 답하지 못하는데도 READY는 1/1입니다."
                .to_string(),
        ),
        Why::SlowStartKilled => (
            format!(
                "The server needs 60 s before it listens, but the liveness probe gives up after \
                 3 failures 10 s apart: about 30 s after each start the kubelet kills the \
                 container and restartPolicy Always starts it again. It never lives long enough \
                 to listen, so this goes on forever, with the back-off between restarts shown as \
                 CrashLoopBackOff. A startup probe (or a longer initialDelaySeconds) would give \
                 it the time it needs. {now_en}"
            ),
            format!(
                "서버는 듣기 시작하기까지 60초가 필요한데, 활성 프로브는 10초 간격으로 3번 실패하면 포기합니다. \
                 그래서 시작할 때마다 30초쯤 뒤 kubelet이 컨테이너를 죽이고 restartPolicy Always가 다시 \
                 시작합니다. 듣기 시작할 만큼 오래 살지 못하니 이 일이 끝없이 되풀이되고, 재시작 사이의 백오프는 \
                 CrashLoopBackOff로 보입니다. 스타트업 프로브(또는 더 긴 initialDelaySeconds)가 있으면 필요한 \
                 시간을 줄 수 있습니다. {now_ko}"
            ),
        ),
        Why::StartupWaiting => (
            "The startup probe allows up to 30 × 10 s = 300 s for the server to start, and until \
             it succeeds the kubelet runs neither the liveness nor the readiness probe, so \
             nothing kills the slow server. The container runs but has not started yet in the \
             kubelet's eyes: Running, READY 0/1, no restarts."
                .to_string(),
            "스타트업 프로브는 서버가 시작하기까지 30 × 10초 = 300초를 허용하고, 성공하기 전까지 kubelet은 \
             활성 프로브도 준비성 프로브도 실행하지 않으니 느린 서버를 죽이는 것이 없습니다. 컨테이너는 \
             실행 중이지만 kubelet이 보기에는 아직 시작되지 않았습니다. Running, READY 0/1, 재시작 없음."
                .to_string(),
        ),
        Why::StartupPassed => (
            "About 60 s after the start the server listened and the startup probe succeeded; from \
             then on the liveness probe takes over, and it passes. The startup probe kept the \
             liveness probe away from the slow server: Running, READY 1/1, no restarts."
                .to_string(),
            "시작하고 60초쯤 뒤 서버가 듣기 시작했고 스타트업 프로브가 성공했습니다. 그때부터 활성 프로브가 \
             이어받았고 통과합니다. 스타트업 프로브 덕분에 활성 프로브가 느린 서버를 죽이지 않았습니다. \
             Running, READY 1/1, 재시작 없음."
                .to_string(),
        ),
        Why::OomKilled if card.policy == Policy::Never => (
            "stress allocates 250M but the container's memory limit is 100Mi. When a container \
             passes its memory limit, the kernel's OOM killer ends it: the container terminated \
             with reason OOMKilled and exit code 137 (128 + SIGKILL's 9). restartPolicy Never \
             restarts nothing, so the Pod is Failed and STATUS shows that reason, OOMKilled."
                .to_string(),
            "stress는 250M를 할당하지만 컨테이너의 메모리 제한은 100Mi입니다. 컨테이너가 메모리 제한을 \
             넘으면 커널의 OOM 킬러가 끝냅니다. 컨테이너는 이유 OOMKilled, 종료 코드 137(128 + SIGKILL의 \
             9)로 끝났습니다. restartPolicy Never는 아무것도 다시 시작하지 않으므로 파드는 Failed이고 \
             STATUS는 그 이유 OOMKilled를 보여 줍니다."
                .to_string(),
        ),
        Why::OomKilled => (
            format!(
                "stress allocates 250M but the container's memory limit is 100Mi. When a \
                 container passes its memory limit, the kernel's OOM killer ends it: reason \
                 OOMKilled, exit code 137 (128 + SIGKILL's 9), shown under Last State by kubectl \
                 describe. restartPolicy Always starts it again in the same Pod, it is killed \
                 again within a second, and the kubelet backs off (10 s, 20 s, 40 s … up to \
                 5 min): STATUS shows OOMKilled right after a kill and CrashLoopBackOff while the \
                 kubelet waits. The Pod stays Running. {now_en}"
            ),
            format!(
                "stress는 250M를 할당하지만 컨테이너의 메모리 제한은 100Mi입니다. 컨테이너가 메모리 제한을 \
                 넘으면 커널의 OOM 킬러가 끝냅니다. 이유 OOMKilled, 종료 코드 137(128 + SIGKILL의 9)이고, \
                 kubectl describe의 Last State에 보입니다. restartPolicy Always가 같은 파드 안에서 다시 \
                 시작하면 1초도 안 되어 또 죽고, kubelet은 백오프(10초, 20초, 40초 … 최대 5분)합니다. 죽은 \
                 직후에는 STATUS가 OOMKilled, kubelet이 기다리는 동안은 CrashLoopBackOff입니다. 파드는 \
                 Running으로 남습니다. {now_ko}"
            ),
        ),
        Why::ConfigMissing => (
            "The kubelet builds the container's environment before it creates the container, \
             and MODE needs key mode of the ConfigMap app-config, which does not exist (event \
             Failed: Error: configmap \"app-config\" not found). So the container is never \
             created: the Pod stays Pending, STATUS shows the waiting reason \
             CreateContainerConfigError, and nothing is restarted. The kubelet keeps trying, and \
             the Pod starts by itself once the ConfigMap is created."
                .to_string(),
            "kubelet은 컨테이너를 만들기 전에 환경 변수를 준비하는데, MODE에 필요한 컨피그맵 app-config의 \
             mode 키가 없습니다(컨피그맵이 없음. 이벤트 Failed: Error: configmap \"app-config\" not \
             found). 그래서 컨테이너는 만들어지지 않습니다. 파드는 Pending에 머물고, STATUS는 대기 이유 \
             CreateContainerConfigError를 보여 주며, 재시작되는 것은 없습니다. kubelet이 계속 다시 해 \
             보므로 컨피그맵을 만들면 파드가 저절로 시작합니다."
                .to_string(),
        ),
        Why::VolumeMissing => (
            "The kubelet mounts every volume before it creates the container, and the volume \
             config comes from the ConfigMap app-config, which does not exist (event \
             FailedMount: MountVolume.SetUp failed for volume \"config\" : configmap \
             \"app-config\" not found). So the Pod stays Pending and STATUS shows \
             ContainerCreating: the container is still waiting to be created. The kubelet \
             retries the mount with a back-off, and the Pod starts by itself once the ConfigMap \
             is created."
                .to_string(),
            "kubelet은 컨테이너를 만들기 전에 볼륨을 모두 마운트하는데, config 볼륨이 쓰는 컨피그맵 \
             app-config가 없습니다(이벤트 FailedMount: MountVolume.SetUp failed for volume \"config\" : \
             configmap \"app-config\" not found). 그래서 파드는 Pending에 머물고 STATUS는 \
             ContainerCreating입니다. 컨테이너가 아직 만들어지기를 기다리는 중입니다. kubelet이 백오프하며 \
             마운트를 다시 해 보므로 컨피그맵을 만들면 파드가 저절로 시작합니다."
                .to_string(),
        ),
    };
    if lang == Lang::Ko { ko } else { en }
}
